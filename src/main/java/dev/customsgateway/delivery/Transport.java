package dev.customsgateway.delivery;

/** One way of taking a signed message to a destination. */
interface Transport {

    TransportResult send(OutboxItem item, DeliveryProperties.Destination destination, byte[] message);
}
