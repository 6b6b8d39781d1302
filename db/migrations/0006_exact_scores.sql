-- Exact scores: marks and result totals become whole numbers of hundredths of a mark.
-- Every stored mark has at most two decimals, so round(value * 100) recovers it exactly.
ALTER TABLE `marks` ADD `value_hundredths` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `marks` SET `value_hundredths` = CAST(round(`value` * 100) AS integer);--> statement-breakpoint
ALTER TABLE `marks` DROP COLUMN `value`;--> statement-breakpoint
ALTER TABLE `results` ADD `total_hundredths` integer;--> statement-breakpoint
UPDATE `results` SET `total_hundredths` = CAST(round(`total` * 100) AS integer) WHERE `total` IS NOT NULL;--> statement-breakpoint
UPDATE `results` SET `tie_break_values` = (SELECT json_group_array(CAST(round(j.value * 100) AS integer)) FROM json_each(`results`.`tie_break_values`) j) WHERE json_array_length(`tie_break_values`) > 0;--> statement-breakpoint
ALTER TABLE `results` DROP COLUMN `total`;
