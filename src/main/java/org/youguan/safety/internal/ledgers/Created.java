package org.youguan.safety.internal.ledgers;

/** The ledgers' API answer to a created record (201 with its {@code Location}). */
record Created(long id) {
}
