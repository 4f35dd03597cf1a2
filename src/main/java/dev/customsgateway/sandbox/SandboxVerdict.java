package dev.customsgateway.sandbox;

/**
 * What the sandbox made of a message, with the return status and information its first receipt carries
 * (GACC codes: 0002 format check failed, 1001 signature invalid; 100 海关退单 rejected).
 */
record SandboxVerdict(boolean accepted, String returnStatus, String returnInfo) {

    static SandboxVerdict accepted(String guid) {
        return new SandboxVerdict(true, "2", "新增申报成功[" + guid + "]");
    }

    static SandboxVerdict schemaInvalid(String reason) {
        return new SandboxVerdict(false, "100", "[Code:0002;Desc:报文格式校验失败] " + reason);
    }

    /** Whether the signature failed: the exchange platform's transport response then says 1001. */
    boolean signatureFailed() {
        return returnInfo.startsWith("[Code:1001;");
    }

    static SandboxVerdict signatureInvalid(String reason) {
        return new SandboxVerdict(false, "100", "[Code:1001;Desc:签名无效] " + reason);
    }

    static SandboxVerdict rejected(String reason) {
        return new SandboxVerdict(false, "100", "[Code:-301001;Desc:海关退单] " + reason);
    }
}
