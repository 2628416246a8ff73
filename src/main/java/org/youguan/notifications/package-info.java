/**
 * 站内通知: reminders and notices to the staff of a region (and the bureaus above it), to an enterprise or to one
 * department of a bureau, shown in the shell and on the notifications page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.youguan.notifications;
