CREATE TABLE `live_boards` (
	`key` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`body` text NOT NULL,
	`updated_at` integer NOT NULL
);
