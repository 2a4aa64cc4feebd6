-- The case order index gains per-chunk `newestBefore` and the last chunk's `totals` (issue #22:
-- the Cases screen's first page reads one or two chunks, not every chunk). An index written
-- before them is rewritten once, at the first sign-in of a case reader, and only when it agrees
-- with the cases (src/vault/cases.ts upgradeCaseOrderIndex); one that disagrees is left for
-- `vault check` to name.
INSERT INTO vault_tasks (task) VALUES ('case-order-totals');
