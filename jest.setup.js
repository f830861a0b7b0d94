// kafkajs 2.2.4 warns on every producer about a default partitioner change made in 2022.
process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
