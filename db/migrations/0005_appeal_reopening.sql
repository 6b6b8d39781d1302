CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`data` blob NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `appeals` ADD `attachment_id` integer REFERENCES attachments(id);--> statement-breakpoint
ALTER TABLE `appeals` ADD `reopened_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `appeals` ADD `reopened_at` integer;--> statement-breakpoint
ALTER TABLE `appeals` ADD `resolved_run_id` integer REFERENCES result_runs(id);