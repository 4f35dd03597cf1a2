package dev.customsgateway.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Time per document of each pipeline stage, measured where it runs: wraps the route steps named in
 * {@link #STAGES} and adds up their wall time on the worker threads. Reading and assembling the orders happens in
 * the splitter's iterator, outside any step, on whichever thread asks for the next order; it is part of what the
 * workers' time leaves over once the steps are taken out.
 * Registered as a bean, which Camel picks up as an intercept strategy before the routes start.
 */
final class StageClock implements InterceptStrategy {

    /** Route step ids (routes/pipeline.camel.yaml) and what they do. */
    static final Map<String, String> STAGES = new java.util.LinkedHashMap<>();

    static {
        STAGES.put("order-parsed", "store canonical order (artefact)");
        STAGES.put("order-rules", "rules (incl. declared-once query)");
        STAGES.put("order-map", "map to customs XML (+ artefact)");
        STAGES.put("order-sign", "sign (+ serialise, artefact)");
        STAGES.put("order-verify", "verify own signature");
        STAGES.put("order-validate", "XSD check");
        STAGES.put("order-write", "persist: outbox row + log chain");
        STAGES.put("order-succeeded", "persist: order outcome");
        STAGES.put("order-transaction", "persist: savepoint and its release");
        STAGES.put("order-failed", "reject failed orders");
        STAGES.put("batch-transaction", "batch: split and filter (in its transaction)");
        STAGES.put("pipeline-to-batch", "persist: batch commit (forces, log chain, counts)");
    }

    private final Map<String, LongAdder> nanos = new ConcurrentHashMap<>();

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        String id = definition.getId();
        if (id == null || !STAGES.containsKey(id)) {
            return target;
        }
        LongAdder total = nanos.computeIfAbsent(id, k -> new LongAdder());
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                long start = System.nanoTime();
                return processor.process(exchange, doneSync -> {
                    total.add(System.nanoTime() - start);
                    callback.done(doneSync);
                });
            }
        };
    }

    void reset() {
        nanos.values().forEach(LongAdder::reset);
    }

    private double ms(String stage, int documents) {
        LongAdder total = nanos.get(stage);
        return total == null ? 0 : total.sum() / 1e6 / documents;
    }

    void print(int documents, double seconds, int workers) {
        System.out.println("  stage (time per document, summed over worker threads):");
        double sum = 0;
        for (var stage : STAGES.entrySet()) {
            double ms = ms(stage.getKey(), documents);
            // a policy's time includes the steps inside it
            if (stage.getKey().equals("order-transaction")) {
                for (String step : STAGES.keySet()) {
                    ms -= step.startsWith("order-") && !step.equals("order-transaction")
                            && !step.equals("order-parsed") && !step.equals("order-failed") ? ms(step, documents) : 0;
                }
            } else if (stage.getKey().equals("batch-transaction")) {
                ms -= ms("order-transaction", documents) + ms("order-parsed", documents) + ms("order-failed", documents);
            } else if (stage.getKey().equals("pipeline-to-batch")) { // the whole batch, its commit included
                ms -= ms("batch-transaction", documents);
            }
            sum += ms;
            System.out.printf("    %-40s %7.3f ms%n", stage.getValue(), ms);
        }
        System.out.printf("    %-40s %7.3f ms%n", "sum of the steps above", sum);
        System.out.printf("    %-40s %7.3f ms%n", "rest: read, assemble, routing",
                seconds * 1000 * workers / documents - sum);
    }
}
