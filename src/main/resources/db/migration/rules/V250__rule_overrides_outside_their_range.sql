-- Every rule a bureau may adjust now has a range an override must keep (RuleBounds.practice in the code; README,
-- rules). Before, the complaint handling periods, the filing window, the retention and the rules of local practice
-- had no ceiling, the 实名收寄 fines no range at all: a county saved complaint.filing-window = 99999 years, and a complaint about a parcel posted in 2000 was
-- accepted and due in 2300. Such a value keeps applying to live cases until someone sets it again, so an override
-- outside its rule's range (as of this migration) is removed, not kept: the region falls back to the enclosing
-- bureau's value or the default, and the row removed is written to the log (region, rule, value, reason, who, when)
-- as a WARNING, so the bureau can set a value within the range again. Overrides within their range stay.
DO $$
DECLARE
    removed record;
BEGIN
    FOR removed IN
        DELETE FROM statutory_rule_override o
        USING (VALUES
            ('complaint.filing-window', 1, 3),
            ('complaint.transfer', 1, 3),
            ('complaint.enterprise-reply', 1, 10),
            ('complaint.redo', 1, 5),
            ('complaint.callback', 1, 5),
            ('complaint.callback-retry', 1, 24),
            ('complaint.record-retention', 3, 30),
            ('fine.complaint-non-cooperation.max', 1, 3000),
            ('licence.site-verification-report', 1, 20),
            ('licence.annual-report-window', 1, 12),
            ('licence.annual-report-reminder', 1, 12),
            ('fine.outlet-unfiled.max', 1, 10000),
            ('inspection.result-publication', 1, 20),
            ('penalty.hearing-latest', 1, 60),
            ('penalty.decision-warning', 1, 90),
            ('penalty.lead-filing-warning', 1, 30),
            ('penalty.legal-review.fine', 1, 500000),
            ('penalty.discussion-min-participants', 2, 15),
            ('penalty.hearing.fine', 1, 500000),
            ('penalty.payment-deferral-max', 1, 365),
            ('penalty.confiscation-handover', 1, 30),
            ('penalty.on-the-spot.filing', 1, 7),
            ('disclosure.publication', 1, 7),
            ('fine.branch-unfiled.max', 1, 10000),
            ('fine.delivery-without-consent.max', 1, 10000),
            ('fine.data-not-reported.max', 1, 3000),
            ('fine.universal-closure.max', 1, 20000),
            ('fine.real-name.min', 5000, 10000),
            ('fine.real-name.max', 5000, 10000),
            ('fine.real-name.serious.max', 10000, 30000),
            ('safety.letter.max-weight', 1, 2000),
            ('safety.hazard.general-rectification', 1, 30),
            ('safety.hazard.major-rectification', 1, 60),
            ('safety.incident.report', 1, 24),
            ('safety.period.max-length', 1, 366),
            ('safety.period.start-lookback', 1, 92),
            ('safety.period.start-lead', 1, 366)
        ) AS bound(rule_code, low, high)
        WHERE o.rule_code = bound.rule_code AND (o.value < bound.low OR o.value > bound.high)
        RETURNING o.region_code, o.rule_code, o.value, bound.low, bound.high, o.reason, o.changed_by, o.changed_at
    LOOP
        RAISE WARNING 'statutory_rule_override removed, outside its range %–%: region %, rule %, value %, reason "%", set by % at %',
            removed.low, removed.high, removed.region_code, removed.rule_code, removed.value, removed.reason,
            removed.changed_by, removed.changed_at;
    END LOOP;
END $$;
