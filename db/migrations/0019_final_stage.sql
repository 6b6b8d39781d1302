ALTER TABLE `events` ADD `stage` text;--> statement-breakpoint
ALTER TABLE `events` ADD `stage_timing` text;