package com.shisha.core.pipeline;

/** Delivery status callbacks from the provider (queued, sent, delivered, read, failed, undelivered). */
public interface DeliveryStatuses {

    /**
     * Records one status of one provider message; the same (id, status) pair arriving again changes nothing.
     *
     * @return true if this (id, status) was new
     */
    boolean record(String providerMessageId, String status, String errorCode);
}
