package dev.customsgateway.console;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.audit.EvidenceBundle;
import dev.customsgateway.audit.MessageQueries;
import dev.customsgateway.core.SignatureCheck;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * One message: its timeline (log entries and customs receipts, codes in words), each artefact (pretty-printed,
 * signed XML checked again against the trusted certificate), the raw bytes, and, for auditors, the evidence
 * bundle. A message a merchant user may not see is answered exactly like one that does not exist (404).
 */
@Controller
@ResponseBody
class MessagePages {

    private static final Pattern GUID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final MessageQueries messages;
    private final ContentStore store;
    private final EvidenceBundle evidence;
    private final SignatureCheck signatures;
    private final ConsoleAccess access;

    MessagePages(MessageQueries messages, ContentStore store, EvidenceBundle evidence, SignatureCheck signatures,
            ConsoleAccess access) {
        this.messages = messages;
        this.store = store;
        this.evidence = evidence;
        this.signatures = signatures;
        this.access = access;
    }

    @GetMapping("/console/messages/{guid}")
    ResponseEntity<String> message(@PathVariable String guid, HttpServletRequest request,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        Optional<MessageQueries.MessageDetail> found = visible(session, guid, request);
        if (found.isEmpty()) {
            return notFound(session, nonce, guid);
        }
        MessageQueries.MessageDetail m = found.get();
        access.record(session, ConsoleAction.VIEWED_MESSAGE, guid, request.getRemoteAddr());
        return Page.of("Message " + guid, session, nonce, MessageView.render(m, messages.businessKeys(guid),
                messages.timeline(guid, m.submissionId()), messages.receipts(guid),
                session.role() == ConsoleRole.AUDITOR));
    }

    @GetMapping("/console/messages/{guid}/artefacts/{sha256}")
    ResponseEntity<String> artefact(@PathVariable String guid, @PathVariable String sha256,
            HttpServletRequest request, @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        Optional<MessageQueries.MessageDetail> found = visible(session, guid, request);
        Optional<String> kind = found.flatMap(m -> artefactKind(m, sha256));
        if (kind.isEmpty()) {
            return notFound(session, nonce, guid);
        }
        access.record(session, ConsoleAction.VIEWED_ARTEFACT, guid + " " + sha256, request.getRemoteAddr());
        byte[] bytes;
        try {
            bytes = read(sha256);
        } catch (IOException | RuntimeException e) {
            return Page.of("Artefact", session, nonce, "<h1>Artefact " + Html.esc(sha256) + "</h1>"
                    + "<p class=\"error\">Its bytes are not available (" + Html.esc(e.getClass().getSimpleName())
                    + "): removed under retention or missing from the store. Its digest stays in the log.</p>");
        }
        String signature = null;
        if (("signed-xml".equals(kind.get()) || sha256.equals(found.get().contentSha256()))
                && found.get().signingKeyAlias() != null) {
            SignatureCheck.Result result = signatures.check(bytes, found.get().signingKeyAlias());
            signature = "<p id=\"signature\" class=\"" + (result.valid() ? "ok" : "error") + "\">Signature "
                    + Html.esc(result.description()) + " (checked now against the certificate of key "
                    + Html.esc(found.get().signingKeyAlias()) + ")</p>";
        }
        String base = "/console/messages/" + Html.segment(guid) + "/artefacts/" + sha256;
        return Page.of("Artefact", session, nonce, "<h1>" + Html.esc(kind.get()) + " of message " + Html.esc(guid)
                + "</h1><p>SHA-256 <code>" + Html.esc(sha256) + "</code>, " + bytes.length + " bytes; "
                + (matchesDigest(sha256, bytes) ? "<span class=\"ok\">digest matches the log</span>"
                        : "<span class=\"error\">DIGEST DOES NOT MATCH THE LOG</span>")
                + " · <a href=\"" + base + "/raw\">download as stored</a> · <a href=\"/console/messages/"
                + Html.segment(guid) + "\">back to the message</a></p>" + (signature == null ? "" : signature)
                + "<pre id=\"artefact\">" + Html.esc(XmlView.readable(bytes)) + "</pre>");
    }

    @GetMapping("/console/messages/{guid}/artefacts/{sha256}/raw")
    ResponseEntity<?> raw(@PathVariable String guid, @PathVariable String sha256, HttpServletRequest request,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) throws IOException {
        Optional<MessageQueries.MessageDetail> found = visible(session, guid, request);
        if (found.flatMap(m -> artefactKind(m, sha256)).isEmpty()) {
            return notFound(session, nonce, guid);
        }
        access.record(session, ConsoleAction.DOWNLOADED_ARTEFACT, guid + " " + sha256, request.getRemoteAddr());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + sha256 + "\"").body(read(sha256));
    }

    @GetMapping("/console/messages/{guid}/evidence")
    ResponseEntity<?> evidence(@PathVariable String guid, HttpServletRequest request, HttpServletResponse response,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) throws IOException {
        if (session.role() != ConsoleRole.AUDITOR) {
            access.record(session, ConsoleAction.DENIED, "evidence " + guid, request.getRemoteAddr());
            return Page.status(403, "Refused", session, nonce, "<p class=\"error\">Only auditors export evidence.</p>");
        }
        if (!GUID.matcher(guid).matches() || !evidence.exists(guid)) {
            return notFound(session, nonce, guid);
        }
        access.record(session, ConsoleAction.EXPORTED_EVIDENCE, guid, request.getRemoteAddr());
        // Written straight to the response, not buffered: an upload's artefact may be hundreds of megabytes.
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"evidence-" + guid + ".zip\"");
        evidence.write(guid, response.getOutputStream());
        return null;
    }

    /** The message, if it exists and this user may read it; a refusal is recorded, and looks like absence. */
    private Optional<MessageQueries.MessageDetail> visible(ConsoleSession session, String guid,
            HttpServletRequest request) {
        if (!GUID.matcher(guid).matches()) {
            return Optional.empty();
        }
        Optional<MessageQueries.MessageDetail> found = messages.find(guid);
        if (found.isPresent() && !session.mayRead(found.get().merchantId())) {
            access.record(session, ConsoleAction.DENIED, guid, request.getRemoteAddr());
            return Optional.empty();
        }
        return found;
    }

    /** The kind of an artefact that belongs to this message (its log entries or its receipts), else empty. */
    private Optional<String> artefactKind(MessageQueries.MessageDetail m, String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        List<MessageQueries.TimelineEntry> timeline = messages.timeline(m.guid(), m.submissionId());
        for (MessageQueries.TimelineEntry e : timeline) {
            if (sha256.equals(e.artefactSha256())) {
                return Optional.of(e.artefactKind() == null ? "artefact" : e.artefactKind());
            }
        }
        return messages.receipts(m.guid()).stream().filter(r -> sha256.equals(r.receiptSha256())).findFirst()
                .map(r -> "receipt");
    }

    private byte[] read(String sha256) throws IOException {
        try (InputStream in = store.open(sha256)) {
            return in.readAllBytes();
        }
    }

    private static ResponseEntity<String> notFound(ConsoleSession session, String nonce, String guid) {
        return Page.status(404, "Not found", session, nonce, "<h1>Not found</h1><p class=\"error\" id=\"not-found\">"
                + "No message " + Html.esc(guid) + " that you may see.</p>");
    }

    /** Whether the bytes shown are those the log names (the store could have been altered). */
    private static boolean matchesDigest(String sha256, byte[] bytes) {
        return dev.customsgateway.core.Sha256.hex(bytes).equals(sha256);
    }
}
