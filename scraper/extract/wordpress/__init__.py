"""WordPress sources: REST API posts and RSS feed items to the contract item, through the project's layers."""
