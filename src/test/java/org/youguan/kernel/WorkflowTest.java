package org.youguan.kernel;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused step is past or ahead as the workflow's moves tell, not as its states are declared: a state declared after
 * another may lie before it (a return to redo declared after the reply), and a return does not make a done step ahead.
 */
class WorkflowTest {

	/** Declared out of the procedure's order on purpose: RETURNED after REPLIED, as the complaint's states are. */
	enum State {
		RECEIVED, SENT, REPLIED, RETURNED, CALLED, CLOSED
	}

	private static final Workflow<State> FLOW = Workflow.of(State.class)
		.move(State.RECEIVED, State.SENT)
		.move(Set.of(State.SENT, State.RETURNED), State.REPLIED)
		.move(State.REPLIED, State.CALLED)
		.move(State.CALLED, State.CLOSED)
		.back(Set.of(State.REPLIED, State.CALLED), State.RETURNED);

	private static final Set<State> REPLY_FROM = Set.of(State.SENT, State.RETURNED);

	@Test
	void aSecondReplyIsPastThoughTheReturnIsDeclaredAfterTheReply() {
		assertThat(FLOW.past(State.REPLIED, REPLY_FROM, State.REPLIED, false)).isTrue();
		assertThat(FLOW.past(State.CALLED, REPLY_FROM, State.REPLIED, false)).isTrue();
	}

	@Test
	void aStepTheRecordHasNotReachedIsAhead() {
		assertThat(FLOW.past(State.RECEIVED, REPLY_FROM, State.REPLIED, false)).isFalse();
		assertThat(FLOW.past(State.REPLIED, Set.of(State.CALLED), State.CLOSED, false)).as("closing a replied one").isFalse();
		assertThat(FLOW.past(State.RETURNED, Set.of(State.REPLIED, State.CALLED), State.CALLED, false))
			.as("a call-back once returned: the reply again first").isFalse();
	}

	@Test
	void aStepThatRecordsWithoutMovingIsPastOnceTheRecordMovedOnFromItsStates() {
		assertThat(FLOW.past(State.CLOSED, Set.of(State.SENT), null, false)).isTrue();
		assertThat(FLOW.past(State.RECEIVED, Set.of(State.SENT), null, false)).isFalse();
	}

	@Test
	void aFinishedRecordIsPastEveryStep() {
		assertThat(FLOW.past(State.RECEIVED, REPLY_FROM, State.REPLIED, true)).isTrue();
	}

	@Test
	void aStepNoMoveLeadsBackToIsPast() {
		Workflow<State> line = Workflow.of(State.class).move(State.RECEIVED, State.SENT);
		assertThat(line.past(State.CLOSED, Set.of(State.RECEIVED), State.SENT, false)).isTrue();
	}

	@Test
	void aTableOfStepsMakesItsMovesWithTheReturnsNamed() {
		enum Step {
			SEND(Set.of(State.RECEIVED), State.SENT), REPLY(Set.of(State.SENT, State.RETURNED), State.REPLIED),
			RETURN(Set.of(State.REPLIED), State.RETURNED), NOTE(Set.of(State.SENT), null);

			final Set<State> from;

			final State to;

			Step(Set<State> from, State to) {
				this.from = from;
				this.to = to;
			}
		}
		Workflow<State> steps = Workflow.ofSteps(State.class, Step.values(), s -> s.from, s -> s.to, s -> s == Step.RETURN);
		assertThat(steps.past(State.REPLIED, Step.REPLY.from, Step.REPLY.to, false)).isTrue();
		assertThat(steps.past(State.RETURNED, Step.RETURN.from, Step.RETURN.to, false)).isTrue();
		assertThat(steps.past(State.SENT, Step.RETURN.from, Step.RETURN.to, false)).isFalse();
	}
}
