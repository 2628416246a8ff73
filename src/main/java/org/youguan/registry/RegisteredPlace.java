package org.youguan.registry;

/**
 * A branch or an outlet as another module lists it by the thousand (a 双随机 population, for instance): its id and
 * name, the enterprise that answers for it (a branch's enterprise, an outlet's operator) and its region. Nothing
 * personal.
 *
 * @param id the branch's or outlet's id
 * @param name its name
 * @param enterpriseCreditCode the responsible enterprise's 统一社会信用代码
 * @param enterpriseName that enterprise's name
 * @param regionCode where the branch or outlet is
 */
public record RegisteredPlace(long id, String name, String enterpriseCreditCode, String enterpriseName,
		String regionCode) {
}
