package dev.customsgateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/audit/messages...}: the compliance API's search, the console's search over JSON for auditors (the
 * same {@link MessageQueries} and {@link BusinessKeyIndex}): list with paging, count, CSV export and a message's
 * timeline. Read-only, auditor token only; every call is recorded by {@link ComplianceAccessInterceptor} before it
 * is served. The buyer appears masked, nowhere else is personal data listed.
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Compliance", description = "Read-only: search, count, export and timelines of messages, for auditors")
class ComplianceMessagesController {

    private static final Pattern GUID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final int DEFAULT_LIMIT = 50;

    private final AuditorTokens tokens;
    private final MessageQueries queries;
    private final BusinessKeyIndex index;

    ComplianceMessagesController(AuditorTokens tokens, MessageQueries queries, BusinessKeyIndex index) {
        this.tokens = tokens;
        this.queries = queries;
        this.index = index;
    }

    @GetMapping("/messages")
    @Operation(summary = "Messages matching the filters, newest first, a page at a time",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ComplianceViews.MessagePage.class))))
    ResponseEntity<?> list(@Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false)
            String authorization, @ParameterObject MessageQuery query,
            @Parameter(description = "Page size, 1 to " + MessageQueries.MAX_LIMIT)
            @RequestParam(name = "limit", defaultValue = "" + DEFAULT_LIMIT) int limit,
            @Parameter(description = "Messages to skip")
            @RequestParam(name = "offset", defaultValue = "0") int offset) {
        requireAuditor(authorization);
        if (limit < 1 || limit > MessageQueries.MAX_LIMIT) {
            throw new MessageQuery.Invalid("limit",
                    "limit must be 1 to " + MessageQueries.MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new MessageQuery.Invalid("offset", "offset must not be negative");
        }
        MessageFilter filter = query.filter();
        index.catchUp();
        List<MessageQueries.MessageRow> rows = queries.search(filter, limit, offset);
        Map<String, List<MessageQueries.BusinessKey>> keys =
                queries.businessKeys(rows.stream().map(MessageQueries.MessageRow::guid).toList());
        return ResponseEntity.ok(new ComplianceViews.MessagePage(limit, offset,
                rows.size() == limit ? offset + limit : null,
                rows.stream().map(r -> ComplianceViews.MessageSummary.of(r, keys.getOrDefault(r.guid(), List.of())))
                        .toList()));
    }

    @GetMapping("/messages/count")
    @Operation(summary = "How many messages match the filters",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ComplianceViews.Count.class))))
    ResponseEntity<?> count(@Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false)
            String authorization, @ParameterObject MessageQuery query) {
        requireAuditor(authorization);
        MessageFilter filter = query.filter();
        index.catchUp();
        return ResponseEntity.ok(new ComplianceViews.Count(queries.count(filter)));
    }

    @GetMapping("/messages.csv")
    @Operation(summary = "The filtered list as CSV, streamed; formula-like cells neutralised, the buyer masked",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string"))))
    ResponseEntity<StreamingResponseBody> csv(
            @Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false) String authorization,
            @ParameterObject MessageQuery query) {
        requireAuditor(authorization);
        MessageFilter filter = query.filter();
        index.catchUp();
        StreamingResponseBody body = out -> MessageCsv.write(queries, filter, out);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"messages.csv\"").body(body);
    }

    @GetMapping("/messages/{guid}/timeline")
    @Operation(summary = "A message's log entries in chain order and its customs receipts, codes in words",
            responses = {@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ComplianceViews.Timeline.class))),
                @ApiResponse(responseCode = "404", description = "MESSAGE_NOT_FOUND",
                    content = @Content(mediaType = "application/problem+json"))})
    ResponseEntity<?> timeline(@Parameter(hidden = true) @RequestHeader(name = "Authorization", required = false)
            String authorization, @PathVariable String guid) {
        requireAuditor(authorization);
        Optional<MessageQueries.MessageDetail> found =
                GUID.matcher(guid).matches() ? queries.find(guid) : Optional.empty();
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "MESSAGE_NOT_FOUND", "no message " + guid, null);
        }
        MessageQueries.MessageDetail m = found.get();
        return ResponseEntity.ok(new ComplianceViews.Timeline(m.guid(), m.merchantId(), m.messageType(), m.orderNo(),
                m.state(), m.submissionId(),
                queries.timeline(m.guid(), m.submissionId()).stream().map(ComplianceViews.Entry::of).toList(),
                queries.receipts(m.guid()).stream().map(ComplianceViews.Receipt::of).toList()));
    }

    /** The token check as an exception, so that the CSV endpoint can declare the streamed body it answers with. */
    private void requireAuditor(String authorization) {
        if (!tokens.authorises(authorization)) {
            throw new NotAuditor();
        }
    }

    @ExceptionHandler(NotAuditor.class)
    ResponseEntity<?> notAuditor() {
        return AuditController.unauthorised();
    }

    @ExceptionHandler(MessageQuery.Invalid.class)
    ResponseEntity<?> invalid(MessageQuery.Invalid e) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_QUERY", e.getMessage(), e.field());
    }

    private static ResponseEntity<?> problem(HttpStatus status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A call without a valid auditor token. */
    private static final class NotAuditor extends RuntimeException {
        NotAuditor() {
            super("an auditor token is required", null, false, false);
        }
    }
}
