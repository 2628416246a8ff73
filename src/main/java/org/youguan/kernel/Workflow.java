package org.youguan.kernel;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The moves of a workflow between its states (a penalty case, a licence application, a complaint, an approval, a
 * facility), telling whether a record has gone past a step it may no longer take ({@link StepRefusal}'s wording) from the
 * moves the workflow allows — never from the order the states are declared in, since workflows are not lines: a
 * complaint goes 已答复 → 退回重办 → 已答复 again, a case goes back from 已告知 to 调查取证.
 *
 * <p>A move is forward ({@link #move}) or back ({@link #back}: a return to redo earlier work — 退回重办, 退回调查, 补正
 * back to 待受理). A record has gone past a step when its state lies on the forward way from where the step leads (or,
 * for a step that records without moving, from where it may start), or when no move at all brings it back to a state
 * the step may start from; otherwise the step still lies ahead ("请先办理此前的环节"). Built once (in a static field) and
 * read only after.
 * @param <S> the workflow's states
 */
public final class Workflow<S extends Enum<S>> {

	private final Class<S> type;

	private final Map<S, Set<S>> forward;

	private final Map<S, Set<S>> any;

	private Workflow(Class<S> type) {
		this.type = type;
		this.forward = new EnumMap<>(type);
		this.any = new EnumMap<>(type);
	}

	/** A workflow over the states of {@code type}, without moves yet. */
	public static <S extends Enum<S>> Workflow<S> of(Class<S> type) {
		return new Workflow<>(type);
	}

	/**
	 * The workflow of a table of steps (an enum of steps, each with the states it may start from and the one it leads
	 * to, null for a step that records without moving): each step's moves, forward or — the steps {@code back} names —
	 * back.
	 */
	public static <S extends Enum<S>, T> Workflow<S> ofSteps(Class<S> type, T[] steps, Function<T, Set<S>> from,
			Function<T, S> to, Predicate<T> back) {
		Workflow<S> w = of(type);
		for (T step : steps) {
			if (to.apply(step) != null) {
				if (back.test(step)) {
					w.back(from.apply(step), to.apply(step));
				}
				else {
					w.move(from.apply(step), to.apply(step));
				}
			}
		}
		return w;
	}

	/** Adds the forward moves from each of {@code from} to {@code to}; returns this workflow. */
	public Workflow<S> move(Collection<S> from, S to) {
		for (S s : from) {
			add(forward, s, to);
			add(any, s, to);
		}
		return this;
	}

	/** As {@link #move(Collection, Enum)} from one state. */
	public Workflow<S> move(S from, S to) {
		return move(Set.of(from), to);
	}

	/** Adds the moves back (a return to redo earlier work) from each of {@code from} to {@code to}; returns this workflow. */
	public Workflow<S> back(Collection<S> from, S to) {
		for (S s : from) {
			add(any, s, to);
		}
		return this;
	}

	/** As {@link #back(Collection, Enum)} from one state. */
	public Workflow<S> back(S from, S to) {
		return back(Set.of(from), to);
	}

	private void add(Map<S, Set<S>> moves, S from, S to) {
		moves.computeIfAbsent(from, k -> EnumSet.noneOf(type)).add(to);
	}

	/**
	 * Whether a record in {@code state} has gone past a step that may start only from {@code from} and leads to
	 * {@code to}: its procedure is over, or its state is reached going forward from {@code to} (from {@code from} for a
	 * step that records without moving, {@code to} null), or no move leads from it back to one of {@code from}.
	 * @param finished whether the record's procedure is over (decided, closed, withdrawn…)
	 */
	public boolean past(S state, Set<S> from, S to, boolean finished) {
		if (finished) {
			return true;
		}
		Set<S> origin = to == null ? from : Set.of(to);
		if (reached(origin, forward).contains(state)) {
			return true;
		}
		Set<S> ahead = reached(Set.of(state), any);
		return from.stream().noneMatch(ahead::contains);
	}

	/** The states reached from {@code start} (itself included) by {@code moves}. */
	private Set<S> reached(Set<S> start, Map<S, Set<S>> moves) {
		Set<S> seen = EnumSet.noneOf(type);
		Deque<S> pending = new ArrayDeque<>(start);
		while (!pending.isEmpty()) {
			S s = pending.pop();
			if (seen.add(s)) {
				pending.addAll(moves.getOrDefault(s, Set.of()));
			}
		}
		return seen;
	}
}
