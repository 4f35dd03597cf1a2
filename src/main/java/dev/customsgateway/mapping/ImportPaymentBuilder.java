package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.schema.ceb202205.imports.CEB411Message;
import dev.customsgateway.schema.ceb202205.imports.PaymentHead;

/**
 * Builds a CEB411Message (import payment voucher), declared by the payment company that took the money: the
 * merchant is the payer's payment company; the payer is the buyer; the amount is what the order says was paid,
 * which customs compares with the order's acturalPaid.
 */
final class ImportPaymentBuilder {

    private ImportPaymentBuilder() {
    }

    static CEB411Message build(MessageContext c) {
        CanonicalOrder o = c.order();
        Merchant merchant = c.merchant();
        PaymentHead head = new PaymentHead();
        head.setGuid(c.guid());
        head.setAppType(c.appType());
        head.setAppTime(c.appTime());
        head.setAppStatus(MessageContext.APP_STATUS_DECLARE);
        head.setPayCode(MessageContext.orDefault(o.payment().payCode(), merchant.customs().copCode()));
        head.setPayName(MessageContext.orDefault(o.payment().payName(), merchant.customs().copName()));
        head.setPayTransactionId(o.payment().transactionId());
        head.setOrderNo(o.orderNo());
        head.setEbpCode(merchant.customs().ebpCode());
        head.setEbpName(merchant.customs().ebpName());
        head.setPayerIdType(o.buyer().idType());
        head.setPayerIdNumber(o.buyer().idNumber());
        head.setPayerName(o.buyer().name());
        head.setTelephone(o.buyer().telephone());
        head.setAmountPaid(c.actualPaid());
        head.setCurrency(MessageContext.RMB);
        head.setPayTime(MessageContext.orDefault(o.payment().payTime(), o.orderTime()));
        head.setNote(o.note());
        CEB411Message.Payment payment = new CEB411Message.Payment();
        payment.setPaymentHead(head);
        CEB411Message message = new CEB411Message();
        message.setGuid(c.guid());
        message.setVersion("1.0");
        message.getPayment().add(payment);
        message.setBaseTransfer(ImportOrderBuilder.baseTransfer(merchant.customs()));
        return message;
    }
}
