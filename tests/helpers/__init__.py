"""Helpers the tests share (never test files importing each other)."""
