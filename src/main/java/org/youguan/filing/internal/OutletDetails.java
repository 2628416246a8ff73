package org.youguan.filing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Everything a filing decision is about (issue 13: the reviewer must not approve blind), as the bureau and the
 * enterprise see it: the outlet as proposed (a new outlet or a change), the outlet as it stood (a change or a closure),
 * and for a change the fields that differ, before → after. The manager's ID number and phone are masked as every page
 * masks them (身份证 6 + 8 stars + 4, phone 3 + 4 stars + 4).
 *
 * @param proposed the outlet as filed (null for a closure)
 * @param current the outlet as it stood when the change or closure was filed (null for a new outlet)
 * @param changes for a change filing, each field that differs (empty otherwise)
 */
public record OutletDetails(Outlet proposed, Outlet current, List<Change> changes) {

	/**
	 * One outlet's filed facts: location, opening date, manager, the five facilities, the cooperation type and the
	 * branch (分支机构) it is run through ({@code branchName}, null for the enterprise itself).
	 * @param cooperation the cooperation type's label (Chinese, as the API gives it)
	 * @param cooperationWords the cooperation type as the pages word it ({@link #cooperation(String, String)}; not in
	 * the API's JSON)
	 */
	public record Outlet(String name, String cooperation, @JsonIgnore MessageSourceResolvable cooperationWords, String address, String regionCode, String regionName,
			BigDecimal longitude, BigDecimal latitude, String managerName, String managerIdMasked,
			String managerPhoneMasked, BigDecimal storageArea, boolean hasCommunications, boolean hasShelving,
			boolean hasSurveillance, boolean hasSignage, LocalDate openedOn, String branchName) {

		/** The five facilities a filed outlet must have (快递末端网点备案暂行规定(2018)): storage area and four more. */
		public boolean facilitiesComplete() {
			return storageArea != null && storageArea.signum() > 0 && hasCommunications && hasShelving && hasSurveillance
					&& hasSignage;
		}

		/** The area as the page shows it (no trailing zeros). */
		public String area() {
			return storageArea == null ? "" : storageArea.stripTrailingZeros().toPlainString();
		}
	}

	/**
	 * The cooperation type by its dictionary code, worded by the bundle's {@code registry.cooperation.<code>} in the
	 * reader's language (the dictionary's Chinese label where the bundle has no such key) — the stored label is Chinese.
	 * @param code the dictionary code (OWN, FRANCHISE, PARTNER), or null
	 * @param label the dictionary's label, or null
	 * @return the words, or null without a code
	 */
	public static MessageSourceResolvable cooperation(String code, String label) {
		return code == null ? null
				: new DefaultMessageSourceResolvable(new String[] { "registry.cooperation." + code }, null, label == null ? code : label);
	}

	/**
	 * A field a change filing changes: its message key and the values before and after — in Chinese as the API gives
	 * them, and as the page shows them ({@code beforeWords}, {@code afterWords}, not in the API's JSON): text as it is,
	 * a choice ({@link MessageSourceResolvable}: the cooperation type, 有/无) worded in the reader's language
	 * ({@code @labels}).
	 */
	public record Change(String field, String before, String after, @JsonIgnore Object beforeWords,
			@JsonIgnore Object afterWords) {
	}

	/** The fields that differ between the outlet as it stood and as proposed, in the order the form shows them. */
	public static List<Change> changes(Outlet before, Outlet after) {
		List<Change> changes = new ArrayList<>();
		add(changes, "registry.outlet.name", before.name(), after.name());
		add(changes, "registry.outlet.cooperation", before.cooperationWords(), after.cooperationWords());
		add(changes, "filing.branch", before.branchName(), after.branchName());
		add(changes, "registry.address", before.address(), after.address());
		add(changes, "registry.region", before.regionName(), after.regionName());
		add(changes, "registry.outlet.coordinates", coordinates(before), coordinates(after));
		add(changes, "registry.outlet.manager", before.managerName(), after.managerName());
		add(changes, "registry.outlet.managerId", before.managerIdMasked(), after.managerIdMasked());
		add(changes, "registry.outlet.managerPhone", before.managerPhoneMasked(), after.managerPhoneMasked());
		add(changes, "registry.outlet.storageArea", before.area(), after.area());
		add(changes, "registry.outlet.communications", yesNo(before.hasCommunications()), yesNo(after.hasCommunications()));
		add(changes, "registry.outlet.shelving", yesNo(before.hasShelving()), yesNo(after.hasShelving()));
		add(changes, "registry.outlet.surveillance", yesNo(before.hasSurveillance()), yesNo(after.hasSurveillance()));
		add(changes, "registry.outlet.signage", yesNo(before.hasSignage()), yesNo(after.hasSignage()));
		add(changes, "registry.outlet.openedOn", String.valueOf(before.openedOn()), String.valueOf(after.openedOn()));
		return changes;
	}

	/** Adds the field when its Chinese differs; a value that is a choice is compared and given by its Chinese. */
	private static void add(List<Change> changes, String field, Object before, Object after) {
		String was = chinese(before);
		String is = chinese(after);
		if (!Objects.equals(was, is)) {
			changes.add(new Change(field, was == null ? "—" : was, is == null ? "—" : is, before == null ? "—" : before,
					after == null ? "—" : after));
		}
	}

	private static String chinese(Object value) {
		return value instanceof MessageSourceResolvable choice ? choice.getDefaultMessage() : (String) value;
	}

	private static String coordinates(Outlet o) {
		return o.longitude() == null || o.latitude() == null ? null
				: o.longitude().stripTrailingZeros().toPlainString() + ", " + o.latitude().stripTrailingZeros().toPlainString();
	}

	private static MessageSourceResolvable yesNo(boolean b) {
		return b ? HAS : HAS_NOT;
	}

	private static final MessageSourceResolvable HAS = new DefaultMessageSourceResolvable(new String[] { "filing.outlet.has" },
			null, "有");

	private static final MessageSourceResolvable HAS_NOT = new DefaultMessageSourceResolvable(
			new String[] { "filing.outlet.hasNot" }, null, "无");
}
