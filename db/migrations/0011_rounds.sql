CREATE TABLE `advancements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_round_id` integer NOT NULL,
	`from_event_id` integer NOT NULL,
	`to_event_id` integer,
	`team_id` integer NOT NULL,
	`contestant_id` integer,
	`rank` integer NOT NULL,
	`total_hundredths` integer,
	`new_team_id` integer,
	`replaces_id` integer,
	`withdrawn_at` integer,
	`withdrawn_reason` text,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`first_round_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contestant_id`) REFERENCES `contestants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`replaces_id`) REFERENCES `advancements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `advancements_from_idx` ON `advancements` (`from_event_id`);--> statement-breakpoint
CREATE INDEX `advancements_to_idx` ON `advancements` (`to_event_id`);--> statement-breakpoint
CREATE INDEX `advancements_first_round_idx` ON `advancements` (`first_round_id`);--> statement-breakpoint
DROP INDEX `events_competition_code_uq`;--> statement-breakpoint
ALTER TABLE `events` ADD `first_round_id` integer REFERENCES events(id);--> statement-breakpoint
ALTER TABLE `events` ADD `round_no` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `round_name` text DEFAULT '省赛' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `advancement_rule` text;--> statement-breakpoint
ALTER TABLE `events` ADD `advancement_basis` text;--> statement-breakpoint
ALTER TABLE `events` ADD `advanced_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `advancement_explanation` text;--> statement-breakpoint
ALTER TABLE `events` ADD `recommendation_rule` text;--> statement-breakpoint
ALTER TABLE `events` ADD `recommendation_basis` text;--> statement-breakpoint
ALTER TABLE `events` ADD `recommended_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `recommendation_explanation` text;--> statement-breakpoint
CREATE UNIQUE INDEX `events_competition_code_round_uq` ON `events` (`competition_id`,`code`,`round_no`);--> statement-breakpoint
CREATE INDEX `events_first_round_idx` ON `events` (`first_round_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `first_round_team_id` integer REFERENCES teams(id);