CREATE TABLE `achievements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`result` text,
	`entered_by` integer NOT NULL,
	`retracted_at` integer,
	`retracted_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `achievements_nomination_idx` ON `achievements` (`nomination_id`);