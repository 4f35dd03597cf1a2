package dev.customsgateway.intake;

/** Example bodies shown in the OpenAPI contract; the contract test checks they are read as they say. */
final class ApiExamples {

    static final String ORDER = """
            {
              "orderNo": "ORD-20240501-0001",
              "orderTime": "2024-05-01T10:15:00+08:00",
              "buyer": {"regNo": "buyer-0001", "name": "张三", "idType": "1",
                        "idNumber": "110101199003071233", "phone": "13800138000"},
              "consignee": {"name": "李四", "phone": "13900139000", "address": "北京市朝阳区建国路1号",
                            "district": "110105"},
              "payment": {"code": "312226T001", "name": "支付宝（中国）网络技术有限公司",
                          "transactionId": "2024050122001400001"},
              "amounts": {"freight": "10.00", "discount": "0", "taxTotal": "0", "currency": "142"},
              "lines": [
                {"itemNo": "SKU-1", "itemName": "婴儿奶粉", "itemModel": "900g/罐", "barCode": "6900000000001",
                 "unit": "122", "qty": "1", "price": "99.50", "country": "502"}
              ]
            }""";

    static final String ISSUED_KEY = """
            {"id": "7c0e2b9e-0d7e-4a8f-9d43-6a1f0a7f2c11", "merchantId": "demo", "label": "erp-2024",
             "prefix": "cgw_Xk3aQ9", "key": "cgw_Xk3aQ9...shown once...", "createdAt": "2024-05-01T02:15:00Z"}""";

    private ApiExamples() {
    }
}
