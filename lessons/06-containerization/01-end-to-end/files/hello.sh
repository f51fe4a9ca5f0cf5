#!/bin/sh
echo "myapp v1 is running."
echo "Built from a Dockerfile, pushed to a registry, pulled by this host."
