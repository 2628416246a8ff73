package org.youguan.registry;

import java.math.BigDecimal;
import java.util.List;

/**
 * The terms recorded on an express licence besides its scope and dates (快递业务经营许可管理办法): registered capital
 * (yuan), service area and the branches it covers; null (an empty list) where the record does not hold them.
 */
public record LicenceTerms(BigDecimal registeredCapital, String serviceArea, List<String> branches) {
}
