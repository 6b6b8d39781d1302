DROP INDEX `scheme_modules_code_uq`;--> statement-breakpoint
ALTER TABLE `scheme_modules` ADD `retired_at` integer;--> statement-breakpoint
CREATE INDEX `scheme_modules_scheme_idx` ON `scheme_modules` (`scheme_id`);--> statement-breakpoint
ALTER TABLE `criteria` ADD `retired_at` integer;