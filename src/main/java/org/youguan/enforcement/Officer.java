package org.youguan.enforcement;

/**
 * The member of staff taking a step, as the case records them: the reviewer of a case must not be one of its
 * investigators (行政处罚法(2021) art.58), which is checked by account and by name.
 *
 * @param userId the staff account, or null (a system job, the demo)
 * @param name the display name recorded with the step
 */
public record Officer(Long userId, String name) {
}
