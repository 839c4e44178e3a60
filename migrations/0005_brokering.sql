CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"booking_request_id" uuid,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"municipality" text,
	"address" text,
	"fee" jsonb,
	"status" text DEFAULT 'open' NOT NULL,
	"peer_profile_id" uuid,
	"filled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"peer_profile_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"token_hash" text NOT NULL,
	"token_encrypted" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "peer_payment_details" (
	"peer_profile_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"personnummer_encrypted" text,
	"bank_account_encrypted" text,
	"employee_number" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_settings" (
	"peer_profile_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"assignment_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"municipalities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"works_remotely" boolean DEFAULT false NOT NULL,
	"weekly_availability" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_per_month" integer DEFAULT 4 NOT NULL,
	"paused" boolean DEFAULT false NOT NULL,
	"paused_at" timestamp with time zone,
	"yearly_income_limit" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_peer_profile_id_peer_profiles_id_fk" FOREIGN KEY ("peer_profile_id") REFERENCES "public"."peer_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_peer_profile_id_peer_profiles_id_fk" FOREIGN KEY ("peer_profile_id") REFERENCES "public"."peer_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_payment_details" ADD CONSTRAINT "peer_payment_details_peer_profile_id_peer_profiles_id_fk" FOREIGN KEY ("peer_profile_id") REFERENCES "public"."peer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_payment_details" ADD CONSTRAINT "peer_payment_details_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_payment_details" ADD CONSTRAINT "peer_payment_details_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_settings" ADD CONSTRAINT "peer_settings_peer_profile_id_peer_profiles_id_fk" FOREIGN KEY ("peer_profile_id") REFERENCES "public"."peer_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_settings" ADD CONSTRAINT "peer_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_tenant_status_idx" ON "assignments" USING btree ("tenant_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "assignments_peer_idx" ON "assignments" USING btree ("peer_profile_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_assignment_peer_key" ON "offers" USING btree ("assignment_id","peer_profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_token_key" ON "offers" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "offers_peer_idx" ON "offers" USING btree ("peer_profile_id","status");--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_peer_no_overlap" EXCLUDE USING gist ("peer_profile_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("peer_profile_id" IS NOT NULL AND "status" <> 'cancelled');
