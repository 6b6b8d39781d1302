DROP INDEX `audit_log_actor_idx`;--> statement-breakpoint
CREATE INDEX `discrepancy_flags_check_in_criterion_idx` ON `discrepancy_flags` (`check_in_id`,`criterion_id`);--> statement-breakpoint
CREATE INDEX `scoring_sheets_check_in_idx` ON `scoring_sheets` (`check_in_id`);