DROP INDEX "users_tenant_idx";--> statement-breakpoint
CREATE INDEX "users_tenant_name_idx" ON "users" USING btree ("tenant_id","name","id");