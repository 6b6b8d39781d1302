-- No code ever wrote a certificate before this migration, so the table is rebuilt with the
-- columns a certificate needs (SQLite cannot add NOT NULL columns without a default).
DROP TABLE `certificates`;--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`event_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	`award_id` integer,
	`nomination_id` integer,
	`contestant_id` integer,
	`advisor_id` integer,
	`holder_name` text NOT NULL,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`award_id`) REFERENCES `awards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contestant_id`) REFERENCES `contestants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`advisor_id`) REFERENCES `advisors`(`id`) ON UPDATE no action ON DELETE no action
);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code_unique` ON `certificates` (`code`);--> statement-breakpoint
CREATE INDEX `certificates_school_idx` ON `certificates` (`school_id`);--> statement-breakpoint
ALTER TABLE `result_runs` ADD `award_explanation` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `appeals` DROP COLUMN `attachment_path`;
