"""Modules of Scripts/bench: measuring, repositories, tools and the report."""
