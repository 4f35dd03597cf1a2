package dev.customsgateway.receipts;

/**
 * One return entry of a customs receipt (an {@code OrderReturn}, {@code InventoryReturn}, ...): the message it
 * answers (by guid, and the order number as a fallback), the status code, its time and customs' words.
 */
record ReceiptEntry(String receiptType, String guid, String orderNo, String returnStatus, String returnTime,
        String returnInfo) {
}
