# Thin aliases for ./gov, which does the work.
.PHONY: run test setup lint bench
run:
	./gov run
test:
	./gov test
setup:
	./gov setup
lint:
	./gov lint
bench:
	./gov bench
