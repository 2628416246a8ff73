/**
 * 工作目标任务分解与督办: a bureau's annual plan imported from the official notice text — sections, numbered tasks
 * with lead or sharing departments, key tasks, livelihood projects — and, in later steps, progress by department and
 * the leadership's supervision.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work plans")
package org.youguan.workplans;
