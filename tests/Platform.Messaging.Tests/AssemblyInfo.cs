// One broker and one PostgreSQL are shared by all tests, and the outage test stops the broker:
// running classes in parallel would make them fail each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
