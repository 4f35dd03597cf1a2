package dev.customsgateway.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per destination: after a run of consecutive failures the circuit opens and no attempt is
 * made for a while (the messages wait, untouched); the first attempt after that is a trial, and one success
 * closes it. Keeps a struggling authority from being hammered and a backlog from burning its retries.
 */
@Component
class CircuitBreakers {

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;

    CircuitBreakers(Clock clock) {
        this.clock = clock;
    }

    /** When the circuit of the destination is open, the moment it may be tried again; otherwise null. */
    Instant openUntil(String destination) {
        State state = states.get(destination);
        return state != null && state.openUntil != null && state.openUntil.isAfter(clock.instant())
                ? state.openUntil : null;
    }

    void success(String destination) {
        states.remove(destination);
    }

    void failure(String destination, DeliveryProperties.Destination settings) {
        states.compute(destination, (name, state) -> {
            int failures = (state == null ? 0 : state.failures) + 1;
            Instant openUntil = failures >= settings.circuitFailureThreshold()
                    ? clock.instant().plus(settings.circuitOpenFor()) : null;
            return new State(failures, openUntil);
        });
    }

    private record State(int failures, Instant openUntil) {
    }
}
