-- One row per recipient of a notification: a role within a region (and township), or a named user.
create table notifications (
    id uuid primary key,
    kind text not null,
    title text not null,
    link text not null,
    region_code text not null,
    township text null,
    project_id uuid null,
    subject_id uuid not null,
    recipient_role text null,
    recipient_region text null,
    recipient_user text null,
    created_at timestamptz not null,
    check ((recipient_role is not null and recipient_region is not null) or recipient_user is not null)
);
create index ix_notifications_role on notifications (recipient_region, recipient_role, created_at desc);
create index ix_notifications_user on notifications (recipient_user, created_at desc);

-- Who has read what: a role's notification is read (or not) by each of that role's users on their own.
create table notification_reads (
    notification_id uuid not null references notifications (id) on delete cascade,
    user_name text not null,
    read_at timestamptz not null,
    primary key (notification_id, user_name)
);

-- The projects this service knows (name, township) from the project library's events, to title and scope notifications.
create table known_projects (
    id uuid primary key,
    name text not null,
    region_code text not null,
    township text null,
    version bigint not null
);
