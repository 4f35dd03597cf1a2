package dev.customsgateway.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Finds submissions that were stored (and acknowledged) but not processed, so that an acknowledged upload is
 * never lost: at start-up everything unfinished ({@code intake-recovery} route), later anything whose hand-off
 * to the pipeline was lost ({@code intake-sweep} route).
 */
@Component("unfinishedSubmissions")
class UnfinishedSubmissions {

    private static final Duration HAND_OFF_GRACE = Duration.ofMinutes(1);

    private final SubmissionRepository submissions;
    private final Clock clock;

    UnfinishedSubmissions(SubmissionRepository submissions, Clock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    /** At start-up: releases work a stopped gateway left in progress and lists all of it. */
    public List<String> resume() {
        submissions.releaseProcessing();
        return submissions.receivedBefore(OffsetDateTime.now(clock).plusSeconds(1));
    }

    /** Later: submissions received over a minute ago and still not claimed. */
    public List<String> stale() {
        return submissions.receivedBefore(OffsetDateTime.now(clock).minus(HAND_OFF_GRACE));
    }
}
