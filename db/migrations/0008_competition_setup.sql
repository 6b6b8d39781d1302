ALTER TABLE `competitions` ADD `default_award_ratios` text DEFAULT '{"first":0.1,"second":0.2,"third":0.3}' NOT NULL;--> statement-breakpoint
ALTER TABLE `competitions` ADD `default_tie_at_boundary` text DEFAULT 'down' NOT NULL;--> statement-breakpoint
ALTER TABLE `competitions` ADD `default_live_mode` text DEFAULT 'anonymous' NOT NULL;--> statement-breakpoint
ALTER TABLE `competitions` ADD `default_aggregation_method` text DEFAULT 'mean' NOT NULL;--> statement-breakpoint
ALTER TABLE `competitions` ADD `copied_from_id` integer REFERENCES competitions(id);--> statement-breakpoint
ALTER TABLE `divisions` ADD `age_reference_date` text;--> statement-breakpoint
ALTER TABLE `events` ADD `time_slot` text;