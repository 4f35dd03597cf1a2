package dev.customsgateway.sandbox;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The sandbox's misbehaviour, starting from configuration and changeable while it runs, so one test can take
 * customs down for a while and bring it back.
 */
@Component
public class SandboxFaults {

    private final AtomicInteger unavailableRequests;
    private final AtomicBoolean duplicateReceipts;
    private final AtomicBoolean dropReceipts;
    private final AtomicBoolean rejectAll;
    private final AtomicInteger refusePermanently = new AtomicInteger();
    private final AtomicBoolean transportResponses;

    SandboxFaults(SandboxProperties properties) {
        SandboxProperties.Faults f = properties.faults();
        unavailableRequests = new AtomicInteger(f.unavailableRequests());
        duplicateReceipts = new AtomicBoolean(f.duplicateReceipts());
        dropReceipts = new AtomicBoolean(f.dropReceipts());
        rejectAll = new AtomicBoolean(f.rejectAll());
        transportResponses = new AtomicBoolean(properties.transportResponses());
    }

    /**
     * Answer each message first with the exchange platform's {@code DxpRep} (0000 taken; 1001 for a signature
     * that fails, after which no customs receipt follows), as the e-port does for the transfer client. Not a
     * fault: a behaviour, off by default.
     */
    public void transportResponses(boolean on) {
        transportResponses.set(on);
    }

    boolean transportResponses() {
        return transportResponses.get();
    }

    /** Answer the next {@code n} requests with 503 and {@code Retry-After: 1}. */
    public void unavailableFor(int n) {
        unavailableRequests.set(n);
    }

    /** Answer the next {@code n} requests with 422, a permanent refusal. */
    public void refuseNext(int n) {
        refusePermanently.set(n);
    }

    public void duplicateReceipts(boolean on) {
        duplicateReceipts.set(on);
    }

    public void rejectAll(boolean on) {
        rejectAll.set(on);
    }

    public void dropReceipts(boolean on) {
        dropReceipts.set(on);
    }

    /** Resets every fault to none. */
    public void clear() {
        unavailableRequests.set(0);
        refusePermanently.set(0);
        duplicateReceipts.set(false);
        dropReceipts.set(false);
        rejectAll.set(false);
        transportResponses.set(false);
    }

    boolean takeUnavailable() {
        return unavailableRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean takeRefusal() {
        return refusePermanently.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean duplicateReceipts() {
        return duplicateReceipts.get();
    }

    boolean dropReceipts() {
        return dropReceipts.get();
    }

    boolean rejectAll() {
        return rejectAll.get();
    }
}
