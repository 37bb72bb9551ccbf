package org.tipline.crypto;

/** What an encrypted record is; part of its associated data, so records cannot be swapped across kinds. */
public enum RecordKind {
    TIP_BODY,
    MESSAGE,
    NOTE,
    ATTACHMENT,
    IDEMPOTENT_RECEIPT
}
