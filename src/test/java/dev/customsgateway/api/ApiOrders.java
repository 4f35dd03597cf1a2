package dev.customsgateway.api;

/** Order bodies for {@code POST /api/v1/orders} in the documented canonical shape. */
public final class ApiOrders {

    private ApiOrders() {
    }

    /** A valid order (the buyer's identity number checks out, codes are customs codes). */
    public static String valid(String orderNo) {
        return withBuyerId(orderNo, "110101199003071233");
    }

    static String withBuyerId(String orderNo, String idNumber) {
        return """
                {"orderNo": "%s",
                 "buyer": {"regNo": "buyer-001", "name": "张三", "idNumber": "%s", "phone": "13800000001"},
                 "consignee": {"name": "张三", "phone": "13800000001", "address": "北京市东城区东华门街道 1 号",
                               "district": "110101"},
                 "amounts": {"freight": 10, "discount": "0"},
                 "lines": [{"itemNo": "SKU-1001", "itemName": "婴儿奶粉", "itemModel": "900g/罐", "unit": "122",
                            "qty": 2, "price": "188.00", "country": "309"},
                           {"itemName": "维生素软糖", "itemModel": "60粒/瓶", "unit": "142", "qty": 1, "price": 99.5,
                            "country": "502"}]}
                """.formatted(orderNo, idNumber);
    }
}
