package org.youguan.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The law a penalty case applies ({@link StatutoryRules#applicable}, 行政处罚法(2021) art.37, 从旧兼从轻): the day whose
 * texts it cites and the fine range it is judged by.
 *
 * @param type the violation
 * @param day the day whose versions of the texts apply — the act's, or the decision's where that law is lighter; null:
 * the catalogue's versions (a case not decided yet whose act is judged by today's law)
 * @param range the fine range that applies
 * @param newer whether the decision's law applies because it is lighter than the act's
 */
public record AppliedLaw(ViolationType type, LocalDate day, FineRange range, boolean newer) {

	/** The articles that punish the violation as then in force ({@link ViolationType#citationsOn}); empty where none was. */
	public List<Citation> citations() {
		return type.citationsOn(day);
	}

	/** The basis as staff pages show it, {@code 快递暂行条例(2019) 第40条}; several joined by "；"; blank where none was in force. */
	public String basis() {
		return citations().stream().map(Citation::toString).collect(Collectors.joining("；"));
	}

	/** The basis as a document and a public page cite it (for an act of 2024, the 2019 text's 第四十条); several joined by "、". */
	public String formalBasis() {
		return citations().stream().map(Citation::formal).collect(Collectors.joining("、"));
	}

	/**
	 * The duties the case's facts name ({@link ViolationType#dutiesBreached}) as numbered on {@link #day()}, only those
	 * then law ({@link Citation#inForceOn}, {@link Citation#law}).
	 */
	public List<Citation> dutiesBreached(String facts) {
		return Citation.law(type.dutiesBreached(facts).stream().flatMap(d -> d.inForceOn(day).stream()).toList());
	}
}
