/**
 * 工作目标任务分解与督办: a bureau's annual plan imported from the official notice text — sections, numbered tasks
 * with lead or sharing departments, key tasks, main targets linked to statistics indicators, livelihood projects —;
 * monthly progress by department with the daily lagging check; the leadership's board, departments' own lists,
 * reminders and exports; copying a plan into the next year as a draft.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work plans")
package org.youguan.workplans;
