CREATE TABLE `review_resolutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`total_hundredths` integer NOT NULL,
	`reason` text NOT NULL,
	`resolved_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_resolutions_entry_idx` ON `review_resolutions` (`entry_id`);--> statement-breakpoint
ALTER TABLE `entries` ADD `team_id` integer REFERENCES teams(id);--> statement-breakpoint
ALTER TABLE `entry_categories` ADD `event_id` integer REFERENCES events(id);--> statement-breakpoint
ALTER TABLE `entry_files` ADD `seconds` integer;--> statement-breakpoint
ALTER TABLE `reviews` ADD `criteria` text;