package org.tipline.tip;

/**
 * Fired inside the transaction that stores a new tip, just before the tip is persisted: observers
 * (routing) complete it (urgency, deadline) and add to that transaction (recipients, notifications), so
 * the tip commits with them or not at all.
 */
public record TipSubmitted(Tip tip) {
}
