package dev.customsgateway.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds order requests that were stored (and acknowledged) but not processed, as {@link UnfinishedSubmissions}
 * does for files: at start-up ({@code intake-orders-recovery} route) and every minute
 * ({@code intake-orders-sweep}). They are queued to the {@code intake-orders} route, not the file pipeline.
 */
@Component("apiOrderRecovery")
class ApiOrderRecovery {

    private static final Duration HAND_OFF_GRACE = Duration.ofMinutes(1);

    private final SubmissionRepository submissions;
    private final Clock clock;

    ApiOrderRecovery(SubmissionRepository submissions, Clock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    /** At start-up: releases work a stopped gateway left in progress and lists the unfinished order requests. */
    public List<String> resume() {
        submissions.releaseProcessing();
        return submissions.orderRequestsReceivedBefore(OffsetDateTime.now(clock).plusSeconds(1));
    }

    /** Later: order requests received over a minute ago and still not claimed. */
    public List<String> stale() {
        return submissions.orderRequestsReceivedBefore(OffsetDateTime.now(clock).minus(HAND_OFF_GRACE));
    }
}
