package org.youguan.enforcement.internal;

import org.youguan.rules.Provision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.youguan.enforcement.CaseInvestigation.Member;
import org.youguan.enforcement.CaseView;
import org.youguan.enforcement.PenaltyCases.Investigator;
import org.youguan.inspections.InspectionRecordData;
import org.youguan.inspections.InspectionRecords;
import org.youguan.inspections.Inspector;
import org.youguan.inspections.Inspectors;
import org.youguan.kernel.AccessRefusedException;
import org.youguan.kernel.DataScope;
import org.youguan.kernel.HanVariants;
import org.youguan.kernel.PageQuery;
import org.youguan.kernel.Text;
import org.youguan.kernel.Validation;
import org.youguan.kernel.Wording;
import org.youguan.org.BureauView;
import org.youguan.org.Bureaus;
import org.youguan.org.CurrentUser;
import org.youguan.org.Role;
import org.youguan.org.UserDirectory;
import org.youguan.org.UserKind;
import org.youguan.org.UserView;
import org.youguan.org.Users;
import org.youguan.rules.StatutoryRule;
import org.youguan.rules.StatutoryRules;

/**
 * The people of a case: its investigators checked against the roster (行政处罚法(2021) art.42, 55) and saved, and who
 * ever investigated it (its team now and before an 更换调查人员) or wrote its 调查终结报告 — those who may not review it
 * (art.58) nor host its hearing (art.64).
 */
@Component
public class CaseTeam {

	private final JdbcClient jdbc;

	private final StatutoryRules rules;

	private final Inspectors inspectors;

	private final Bureaus bureaus;

	private final CaseWork caseWork;

	private final UserDirectory directory;

	private final Users users;

	CaseTeam(JdbcClient jdbc, StatutoryRules rules, Inspectors inspectors, Bureaus bureaus, CaseWork caseWork,
			UserDirectory directory, Users users) {
		this.users = users;
		this.jdbc = jdbc;
		this.rules = rules;
		this.inspectors = inspectors;
		this.bureaus = bureaus;
		this.caseWork = caseWork;
		this.directory = directory;
	}

	/**
	 * The investigators named, checked against the roster by {@link Inspectors#team} — at least
	 * {@link StatutoryRule#INSPECTION_MIN_INSPECTORS}, each on the roster under that name with a certificate valid today,
	 * no certificate twice (errors on {@code <list>} and {@code <list>[i].name} / {@code .certificateNumber},
	 * {@code list} being the request's name for them: {@code investigators}, or {@code team} on the spot). Each
	 * certificate is checked on its own: one of a bureau above the case's region or inside the caller's
	 * ({@link InspectionRecords.TeamBureaus}) — an unknown certificate and another bureau's are the one error
	 * {@code exists}, which names no holder.
	 */
	public List<Investigator> team(Validation v, String list, List<Member> team, String region, DataScope scope) {
		InspectionRecords.TeamBureaus bureaus = new InspectionRecords.TeamBureaus(scope, region, false);
		int min = rules.intValue(StatutoryRule.INSPECTION_MIN_INSPECTORS, region);
		List<InspectionRecordData.TeamMember> named = team == null ? List.of() : team.stream()
			.map(m -> m == null ? null : new InspectionRecordData.TeamMember(m.name(), m.certificateNumber()))
			.toList();
		List<Inspector> found = inspectors.team(v, list, "调查人员", named, min, Provision.cite(Provision.PENALTY_TWO_OFFICERS, Provision.PENALTY_OFFICERS_IDENTIFIED), bureaus, caseWork.today());
		List<Investigator> members = new ArrayList<>();
		for (int i = 0; i < found.size(); i++) {
			Inspector known = found.get(i);
			members.add(new Investigator(i + 1, known.id(), known.userId(), Text.name(known.name()), known.certificateNumber()));
		}
		return members;
	}

	/** Saves the investigators checked by {@link #team}. */
	public void saveTeam(long id, List<Investigator> members) {
		for (Investigator m : members) {
			jdbc.sql("""
					INSERT INTO penalty_case_investigator (case_id, position, inspector_id, user_id, name, certificate_number)
					VALUES (:case, :pos, :inspector, :user, :name, :certificate)""")
				.param("case", id).param("pos", m.position()).param("inspector", m.inspectorId()).param("user", m.userId())
				.param("name", m.name()).param("certificate", m.certificateNumber()).update();
		}
	}

	/** The user who wrote the case's 调查终结报告, or null (not concluded, or before the author was kept). */
	public Long reportAuthor(long caseId) {
		return jdbc.sql("SELECT concluded_by_user_id FROM penalty_case WHERE id = :id").param("id", caseId)
			.query(Long.class).optional().orElse(null);
	}

	/**
	 * The steps of a case only its investigators take, by the last segment of their address
	 * ({@code /enforcement/cases/{id}/evidence}, the API's the same), with the field a refusal names and its ground.
	 */
	public enum TeamStep {
		/** The evidence list (行政处罚法(2021) art.42, 55). */
		EVIDENCE("evidence", "collectors", "证据由本案调查人员收集、登记（"
				+ Provision.cite(Provision.PENALTY_TWO_OFFICERS, Provision.PENALTY_OFFICERS_IDENTIFIED) + "）"),
		/** The party's 陈述申辩 as staff hear and record it (art.42, 45). */
		STATEMENT("statement", "statement", "陈述申辩由本案调查人员听取、记录（"
				+ Provision.cite(Provision.PENALTY_TWO_OFFICERS, Provision.PENALTY_STATEMENT) + "）"),
		/** The 调查终结报告 (art.42). */
		CONCLUSION("conclusion", "report", "调查终结报告由本案调查人员制作（" + Provision.PENALTY_TWO_OFFICERS + "）");

		private final String address;

		private final String field;

		private final String what;

		TeamStep(String address, String field, String what) {
			this.address = address;
			this.field = field;
			this.what = what;
		}
	}

	/**
	 * Refuses a team step ({@link TeamStep}) to a signed-in staff account not among the case's investigators.
	 * @throws AccessRefusedException 403 on the step's field, naming the case's investigators
	 */
	public void require(TeamStep step, long caseId) {
		requireInvestigator(caseId, step.field, step.what);
	}

	/**
	 * As {@link #require}, for the step the rest of a case's address names ({@code evidence}, {@code statement},
	 * {@code conclusion}); any other address is left alone. Asked before the step's form or body is bound
	 * ({@link org.youguan.kernel.StepAccess}), so a value that cannot be read (收集日期 2026-99-99, 是否情节严重 abc)
	 * is never answered 400 to a caller who may not take the step at all. A case without a team yet (investigation not
	 * started) is left to its state's 409.
	 */
	public void requireForAddress(long caseId, String rest) {
		for (TeamStep step : TeamStep.values()) {
			if (step.address.equals(rest)) {
				Team team = current(caseId);
				// a case whose investigation has not started has no team yet: its state (409, 调查尚未开始) says why
				if (!team.isEmpty()) {
					requireInvestigator(team, step.field, step.what);
				}
				return;
			}
		}
	}

	/**
	 * Refuses (403 on {@code field}) a signed-in account that is not among the case's investigators (by account, or by
	 * name as {@link #investigated} compares people): a step of the investigation — the 调查终结报告, the evidence list,
	 * the 陈述申辩 heard — is the case team's (行政处罚法(2021) art.42: 执法人员不得少于两人; art.55: named to the case),
	 * not anyone's of the handling bureau. A step run without a signed-in account (demo data, a job) is not asked, nor
	 * the party's own step on its portal (its 陈述申辩 given there: an enterprise account). Asked after the case's state,
	 * before the step's fields.
	 * @param what the step and its ground, as the refusal names them ("登记证据由本案调查人员进行（…）")
	 * @throws org.youguan.kernel.AccessRefusedException 403 on {@code field}, naming the case's investigators
	 */
	public void requireInvestigator(long caseId, String field, String what) {
		// no signed-in staff account, nothing to ask: the team is not read
		if (CurrentUser.signedIn().filter(CurrentUser::isStaff).isPresent()) {
			requireInvestigator(current(caseId), field, what);
		}
	}

	/** As {@link #requireInvestigator(long, String, String)}, on the team's rows read once for the check and the refusal. */
	private static void requireInvestigator(Team team, String field, String what) {
		Optional<CurrentUser> me = CurrentUser.signedIn();
		if (me.isPresent() && me.get().isStaff() && !team.includes(me.get().id(), me.get().displayName())) {
			throw new AccessRefusedException(field, Wording.of("enforcement.refusal.notInvestigator", what,
					me.get().displayName(), String.join("、", team.names())), what + "：" + me.get().displayName() + "不是本案的调查人员（"
					+ String.join("、", team.names()) + "）");
		}
	}

	/**
	 * Whether the account or the name ever investigated the case ({@link #of}: on its team now, or on it before an
	 * 更换调查人员, or named as an evidence item's collector or as the staff who took an investigation step before the
	 * team's history was kept), compared as {@link Team#includes} compares — the one question of the steps that must be
	 * taken by someone who did not investigate: the 法制审核 (行政处罚法(2021) art.58) and the hearing's host (art.64(四)).
	 * A caller asking of several people reads the people once by {@link #of}.
	 * @param userId the caller's account, or null when only a name is known (then every row is compared by name)
	 */
	public boolean investigated(long caseId, Long userId, String name) {
		return of(caseId).includes(userId, name);
	}

	/**
	 * Everyone who investigated the case: its investigators as saved, in their order on the team, then those who left
	 * it (更换调查人员, {@link #replaceTeam}; the people an earlier change, an evidence item or a step's audit entry named,
	 * V311) — those who may neither review it (art.58) nor host its hearing (art.64(四)). Not the team that takes the
	 * investigation's steps today: that is {@link #current}.
	 */
	public Team of(long caseId) {
		return new Team(jdbc.sql("""
				SELECT user_id, name FROM (
				  SELECT user_id, name, 0 AS part, position AS seq FROM penalty_case_investigator WHERE case_id = :id
				  UNION ALL
				  SELECT user_id, name, 1, id FROM penalty_case_former_investigator WHERE case_id = :id) p
				ORDER BY part, seq""")
			.param("id", caseId)
			.query(CaseTeam::row)
			.list());
	}

	/**
	 * The case's investigators as saved now, in their order on the team: those who take the investigation's own steps
	 * ({@link TeamStep}, {@link #requireInvestigator}).
	 */
	public Team current(long caseId) {
		return new Team(jdbc.sql("SELECT user_id, name FROM penalty_case_investigator WHERE case_id = :id ORDER BY position")
			.param("id", caseId)
			.query(CaseTeam::row)
			.list());
	}

	/** One row of a team's query: its account (null when none was kept) and name. */
	private static Team.Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long user = rs.getLong("user_id");
		return new Team.Row(rs.wasNull() ? null : user, rs.getString("name"));
	}

	/**
	 * The people of a case, read once: its team today ({@link #current}) or everyone who investigated it ({@link #of}).
	 * @param members in their order on the team (those who left it after); empty before 调查取证
	 */
	public record Team(List<Row> members) {

		/**
		 * One investigator's row.
		 * @param userId the investigator's account, or null (a row of before accounts were kept)
		 */
		public record Row(Long userId, String name) {
		}

		/** Whether the case has no team yet (its investigation has not started). */
		public boolean isEmpty() {
			return members.isEmpty();
		}

		/** The investigators' names, in their order on the team. */
		public List<String> names() {
			return members.stream().map(Row::name).toList();
		}

		/**
		 * Whether the account or the name is among the investigators: by account where both the investigator's row and
		 * the caller hold one (a colleague who shares the investigator's display name is not the investigator), else by
		 * name compared by {@link #personKey} — 林执法, 林 执法 and 林執法 are one person, as in the 集体讨论 (行政处罚法(2021)
		 * art.58: the 法制审核 by someone who did not investigate; art.64(四): the hearing hosted by someone who did not).
		 * @param userId the caller's account, or null when only a name is known (then every row is compared by name)
		 */
		public boolean includes(Long userId, String name) {
			String key = personKey(name);
			for (Row m : members) {
				if (m.userId() != null && userId != null) {
					// a row holding an account is that account's: a colleague of the same name is another person
					if (m.userId().equals(userId)) {
						return true;
					}
				}
				else if (key != null && !key.isEmpty() && key.equals(personKey(m.name()))) {
					return true;
				}
			}
			return false;
		}
	}

	/**
	 * The one key enforcement compares people's names by (investigators, reviewer, hearing host, the heads of a
	 * 集体讨论): {@link HanVariants#personKey}; null stays null.
	 */
	public static String personKey(String name) {
		return HanVariants.personKey(name);
	}

	// ---- a team that can take its own steps: someone of the handling bureau on it; 更换调查人员 ----

	/**
	 * Refuses (rule {@code handling-bureau}, on {@code list}) a team none of whose members could take the team's own
	 * steps ({@link TeamStep}: evidence, 陈述申辩, 调查终结报告): those are taken on the platform by an investigator who is a
	 * 处室工作人员 of the bureau handling the case ({@link Bureaus#takesSteps}, an enabled account linked to the roster
	 * entry), while a member of a bureau above ({@link InspectionRecords.TeamBureaus}) or one without an account takes
	 * part and signs but takes no step here — a team of only such members would lock the case for good. Asked when a
	 * team is formed or changed, beside 行政处罚法(2021) art.42 (two certified officers, {@link #team}); not asked when
	 * {@code members} is empty (the list's own errors say why).
	 * @param region the case's region, whose handling bureau ({@link Bureaus#handlingName}) the message names
	 */
	public void requireHandlingMember(Validation v, String list, List<Investigator> members, String region) {
		boolean workable = members.isEmpty() || members.stream()
			.map(Investigator::userId)
			.filter(Objects::nonNull)
			.map(directory::principal)
			.flatMap(Optional::stream)
			.anyMatch(u -> u.isEnabled() && bureaus.takesSteps(u, region));
		v.require(list, workable, "handling-bureau", "调查人员中至少应有一名办案机关（" + bureaus.handlingName(region)
				+ "）的处室工作人员（在本平台有账号）：证据登记、陈述申辩记录和调查终结报告由本案调查人员在本机关办理（"
				+ Provision.cite(Provision.PENALTY_TWO_OFFICERS, Provision.PENALTY_OFFICERS_IDENTIFIED)
				+ "），上级机关的执法人员可以参加调查，不能代为办理");
	}

	/**
	 * Refuses a team (a new one, 更换调查人员) that takes in someone the case's procedure has set apart from its
	 * investigators: its 法制审核人员 (行政处罚法(2021) art.58, rule {@code reviewer-is-investigator}) and the 听证主持人 a
	 * 听证通知 named (art.64(四): a person who did not investigate, rule {@code host-is-investigator}) — the same people
	 * the review and the hearing notice refuse when the team already holds them, compared as {@link Team#includes}
	 * compares (by account where both have one, else by name). Errors on {@code list}.
	 * @param c the case as it stands (its reviewer and hearing host, if any)
	 */
	public static void requireNeutral(Validation v, String list, List<Investigator> members, CaseView c) {
		Team team = new Team(members.stream().map(m -> new Team.Row(m.userId(), m.name())).toList());
		if (c.reviewedBy() != null) {
			v.require(list, !team.includes(c.reviewedByUserId(), c.reviewedBy()), "reviewer-is-investigator",
					"法制审核人员不得是本案的调查人员：" + c.reviewedBy() + "已对本案进行法制审核（" + Provision.PENALTY_LEGAL_REVIEW + "）");
		}
		if (c.hearingHost() != null) {
			v.require(list, !team.includes(c.hearingHostUserId(), c.hearingHost()), "host-is-investigator",
					"听证主持人不得是本案的调查人员：" + c.hearingHost() + "已被指定主持本案听证（" + Provision.PENALTY_HEARING_PROCEDURE
							+ "：听证由行政机关指定的非本案调查人员主持），请另行组成调查人员或重新指定主持人");
		}
	}

	/**
	 * Replaces the case's investigators by {@code members}, keeping those replaced as the case's former investigators
	 * (who never review it nor host its hearing: {@link #investigated}) (checked by {@link #team}, {@link #requireHandlingMember} and
	 * {@link #requireNeutral}),
	 * in the caller's transaction.
	 * @return the investigators replaced as 姓名（执法证号）, in their order on the team (as the audit entry names them)
	 */
	public List<String> replaceTeam(long id, List<Investigator> members) {
		List<String> before = jdbc.sql("SELECT name || '（' || certificate_number || '）' FROM penalty_case_investigator"
				+ " WHERE case_id = :id ORDER BY position").param("id", id).query(String.class).list();
		// who leaves the team investigated the case all the same: kept, so that they never review it nor host its
		// hearing (行政处罚法(2021) art.58, 64(四); #investigated)
		jdbc.sql("""
				INSERT INTO penalty_case_former_investigator (case_id, user_id, name, certificate_number, left_on)
				SELECT case_id, user_id, name, certificate_number, :today FROM penalty_case_investigator WHERE case_id = :id
				ORDER BY position""").param("id", id).param("today", caseWork.today()).update();
		jdbc.sql("DELETE FROM penalty_case_investigator WHERE case_id = :id").param("id", id).update();
		saveTeam(id, members);
		return before;
	}

	// ---- the people a step names: the handling bureau's own (行政处罚法(2021) art.57, 64(四)) ----

	/**
	 * The bureau handling a case of {@code region}, whose own people the steps naming a person name — the 听证主持人
	 * (art.64(四): staff the deciding organ designates), the heads of a 集体讨论 (art.57 para.2: the organ's 负责人):
	 * the nearest bureau covering the region with an enabled 处室工作人员 ({@link Bureaus#staffed} with
	 * {@link Bureaus#CASE_HANDLERS}), the one that takes the case's steps.
	 * @param region the case's region
	 * @return empty where no bureau on the platform covers the region
	 */
	public Optional<BureauView> handlingBureau(String region) {
		return bureaus.staffed(region, Bureaus.CASE_HANDLERS);
	}

	/**
	 * Refuses (rule {@code other-bureau-head}, on {@code list[i]}) a participant of a 集体讨论 named as a head (局领导)
	 * of another bureau — a superior's or a neighbour's — where no head of the handling bureau ({@link #handlingBureau})
	 * bears that name: the discussion is the deciding organ's 负责人集体讨论 (行政处罚法(2021) art.57 para.2), and a
	 * superior's head oversees the case but does not decide it. Names are compared by {@link #personKey}; a name no
	 * account bears (a head without one) is not judged.
	 * @param names the participants as typed, in order
	 * @param region the case's region
	 */
	public void requireHandlingHeads(Validation v, String list, List<String> names, String region) {
		BureauView handling = names.isEmpty() ? null : handlingBureau(region).orElse(null);
		if (handling == null) {
			return;
		}
		for (int i = 0; i < names.size(); i++) {
			String key = personKey(names.get(i));
			// the heads' accounts found by the name typed (the directory's search), then compared by the name key
			List<UserView> named = key == null ? List.of() : users.list(DataScope.all(),
					new Users.Filter(null, Role.BUREAU_LEADER, UserKind.STAFF),
					PageQuery.of(names.get(i), 0, PageQuery.MAX_SIZE, "display_name", "asc")).items().stream()
				.filter(u -> u.enabled() && u.bureauId() != null && key.equals(personKey(u.displayName())))
				.toList();
			if (named.isEmpty() || named.stream().anyMatch(u -> u.bureauId() == handling.id())) {
				continue;
			}
			String other = named.get(0).bureauName();
			v.require(list + "[" + i + "]", false, "other-bureau-head",
					Wording.of("enforcement.refusal.otherBureauHead", names.get(i), other, handling.name()),
					"集体讨论应由办案机关（" + handling.name() + "）的负责人参加（" + Provision.PENALTY_HEAD_DECIDES + "）：" + names.get(i)
							+ "是" + other + "的负责人，上级或其他机关的负责人不参加本机关的集体讨论");
		}
	}
}
