package org.youguan.notifications;

import java.time.Instant;

/**
 * One notification as the recipient sees it.
 */
public record Notification(long id, String title, String link, Instant createdAt) {
}
