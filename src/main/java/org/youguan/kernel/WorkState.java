package org.youguan.kernel;

/**
 * Which part of a work queue a list shows: what is still open (the default of every queue page, sorted by due date),
 * what is finished (办结), or everything. Each module decides which of its states are open.
 */
public enum WorkState {

	OPEN, DONE, ALL;

	/**
	 * The state a queue page shows: the one asked for, else {@link #OPEN} when no other filter narrows the list, else
	 * {@link #ALL} (a link asking for one status or one queue shows it whatever its state).
	 */
	public static WorkState orDefault(WorkState requested, boolean otherwiseFiltered) {
		return requested != null ? requested : otherwiseFiltered ? ALL : OPEN;
	}
}
